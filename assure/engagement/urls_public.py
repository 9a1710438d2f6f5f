"""The public, anonymous pages of a partnership's surveys: answering one on its link, without
signing in, and the thanks."""


app_name = "survey"

urlpatterns: list = []
