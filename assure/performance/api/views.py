"""The API's endpoints. Each is a DRF view (token or session authentication, permission checked
by a DRF permission class against the URL's partnership) wrapped in Assure's access declaration
so the permission matrix sees it like any page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assure.core.access import Access, declare, requires
from assure.core.navigation import crumbs, partnership_url

from ..models import Observation, Period
from ..selectors.scorecard import period_asked, scorecard
from .filters import ObservationFilter
from .permissions import PerformanceView
from .renderers import CSVRenderer
from .scorecard import scorecard_record, scorecard_rows
from .selectors import observations_visible_to
from .serializers import ObservationSerializer, ScorecardRowSerializer, ScorecardSerializer

PERFORMANCE_VIEW = Access("partnership", "performance.view")

FORMAT_PARAMETER = OpenApiParameter(
    "format", str, enum=["json", "csv"], description="json (the default) or csv; or send Accept: text/csv."
)


class ObservationPages(PageNumberPagination):
    page_size = 500
    page_size_query_param = "page_size"
    max_page_size = 5000


class CsvAttachmentMixin:
    """CSV comes whole (no pages) and as a file named after the partnership and the endpoint."""

    csv_name = "export"

    @property
    def paginator(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv":
            return None
        return super().paginator

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        renderer = getattr(response, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv" and response.status_code == 200:
            slug = kwargs.get("partnership", "assure")
            response["Content-Disposition"] = f'attachment; filename="{slug}-{self.csv_name}.csv"'
        return response


@extend_schema(
    summary="Observations",
    description="The partnership's validated agency returns and local imports, and the published figures "
    "of its local authority, its region, England and its statistical neighbours, each with its source.",
    parameters=[FORMAT_PARAMETER],
    tags=["observations"],
)
class ObservationList(CsvAttachmentMixin, ListAPIView):
    permission_classes = [PerformanceView]
    renderer_classes = [JSONRenderer, CSVRenderer]
    serializer_class = ObservationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ObservationFilter
    pagination_class = ObservationPages
    csv_name = "observations"
    csv_header = ObservationSerializer.Meta.fields

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no partnership
            return Observation.objects.none()
        return observations_visible_to(user=self.request.user, partnership=self.partnership)


@extend_schema(
    summary="Scorecard",
    description="The partnership's scorecard for a period: each indicator under its priority with its value, the "
    "previous period's, the direction of travel, the target and RAG rating, and the published benchmarks of the "
    "same year (England, region, statistical neighbours, quartile band). As CSV, the rows alone.",
    parameters=[
        OpenApiParameter(
            "period",
            str,
            description="A period's label (2014-15) or id; by default the newest "
            "period with the partnership's own figures.",
        ),
        FORMAT_PARAMETER,
    ],
    responses={200: ScorecardSerializer, 400: OpenApiResponse(description="The period asked for is unknown.")},
    tags=["scorecard"],
)
class ScorecardView(CsvAttachmentMixin, APIView):
    permission_classes = [PerformanceView]
    renderer_classes = [JSONRenderer, CSVRenderer]
    csv_name = "scorecard"
    csv_header = list(ScorecardRowSerializer().fields)

    def get(self, request: Request, partnership: str) -> Response:
        try:
            period = period_asked(request.query_params.get("period"))
        except Period.DoesNotExist:
            raise ValidationError({"period": ["There is no such period."]})
        card = scorecard(user=request.user, partnership=self.partnership, period=period)
        if request.accepted_renderer.format == "csv":
            return Response(ScorecardRowSerializer(scorecard_rows(card), many=True).data)
        return Response(ScorecardSerializer(scorecard_record(card)).data)


class Schema(SpectacularAPIView):
    """The OpenAPI 3 schema of the API (YAML; ?format=json for JSON)."""

    permission_classes = [PerformanceView]


def api_endpoint(view_class: type[APIView]):
    """The view callable of an endpoint, declared for the permission matrix. ``assure_api`` tells
    the matrix that a request without credentials is answered 401 (an API does not send a
    program to a sign-in page)."""
    view = declare(view_class.as_view(), PERFORMANCE_VIEW)
    view.assure_api = True
    return view


observations = api_endpoint(ObservationList)
scorecard_api = api_endpoint(ScorecardView)
schema = api_endpoint(Schema)


@requires("performance.view")
def docs(request: HttpRequest) -> HttpResponse:
    """How to use the API: its endpoints and how to authenticate (no Swagger UI: it needs inline
    scripts the content security policy refuses)."""
    partnership = request.partnership

    def address(name: str) -> str:
        return request.build_absolute_uri(partnership_url(f"performance:{name}", partnership))

    return render(
        request,
        "accounts/api_token_docs.html",
        {
            "observations_url": address("api_observations"),
            "scorecard_url": address("api_scorecard"),
            "schema_url": address("api_schema"),
            "crumbs": crumbs(partnership),
        },
    )
