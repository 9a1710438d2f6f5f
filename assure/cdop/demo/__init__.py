"""The demo's child deaths: the joint Shropshire and Telford & Wrekin panel's 2014-15, made of
invented children (no real child): five panel meetings and twenty reviews of Shropshire children
spread over the categories and age bands, agency reports in every state, recommendations on the
seed's topics turned into actions, one case paused for an inquest, one death of a child from
elsewhere passed on, and the anonymised exchange with another panel."""

from .analysis import analysis_demo_load
from .deaths import deaths_demo_load
from .exchanges import exchanges_demo_load
from .panels import panels_demo_load
from .reports import reports_demo_load


def cdop_demo_load(*, partnerships, agencies, users, today) -> None:
    made: dict = {}
    panels_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
    deaths_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
    reports_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
    analysis_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
    exchanges_demo_load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
