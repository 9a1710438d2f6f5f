"""One indicator's page: definition, history (chart and table), comparisons, export."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import EXPORT_FORMATS, export_response, plain_figure

from ..selectors.indicator import did_not_exist_text, indicator_history, indicator_of, mean_phrase
from ..tables_catalogue import FREQUENCY_LABELS, POLARITY_LABELS, SOURCE_LABELS, UNIT_LABELS

BAND_WORDS = {
    "A": "the best quarter of local authorities",
    "B": "the second best quarter",
    "C": "the second worst quarter",
    "D": "the worst quarter of local authorities",
}


@requires("performance.view")
def indicator_view(request: HttpRequest, code: str) -> HttpResponse:
    partnership = request.partnership
    indicator = indicator_of(user=request.user, partnership=partnership, code=code)
    if indicator is None:
        raise Http404("No such indicator.")
    history = indicator_history(
        user=request.user, partnership=partnership, indicator=indicator, year=request.GET.get("year")
    )
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        headers = [
            "Period",
            history.local_name,
            "How the partnership's figure was found",
            "Returned beside the computed figure",
            history.published_name,
            "England",
            history.area.region.name if history.area and history.area.region_id else "Region",
            "Statistical neighbours' mean",
            "Neighbours in the mean",
        ]
        rows = [
            [
                row.period,
                plain_figure(row.local.value if row.local else None),
                row.local.source if row.local else "",
                plain_figure(row.local.returned.value if row.local and row.local.returned else None),
                plain_figure(row.published[0] if row.published else None),
                plain_figure(row.england),
                plain_figure(row.region),
                plain_figure(row.neighbours_mean),
                row.benchmark.neighbours_with_value if row.benchmark and row.benchmark.neighbours_total else "",
            ]
            for row in history.rows
        ]
        return export_response(headers=headers, rows=rows, name=indicator.code, export_format=export_format)
    benchmark = history.benchmark
    data = indicator.data
    return render(
        request,
        "performance/indicator/indicator.html",
        {
            "indicator": indicator,
            "history": history,
            "unit_title": UNIT_LABELS.get(data.get("unit"), data.get("unit", "")),
            "polarity_words": POLARITY_LABELS.get(data.get("polarity"), ""),
            "frequency_words": FREQUENCY_LABELS.get(data.get("frequency"), ""),
            "source_words": SOURCE_LABELS.get(data.get("source"), ""),
            "target_text": history.text(history.line.target) if history.line else "",
            "tolerance_text": history.text(history.line.tolerance)
            if history.line and history.line.tolerance is not None
            else "",
            "comparison": {
                "value": history.text(benchmark.value, benchmark.missing)
                if benchmark.existed
                else did_not_exist_text(
                    began_on=history.area.began_on, ended_on=history.area.ended_on, period=history.year
                ),
                "england": history.text(benchmark.england),
                "region": history.text(benchmark.region),
                "neighbours": history.text(benchmark.neighbours_mean),
                "neighbours_counted": mean_phrase(benchmark, period=history.year),
            }
            if benchmark
            else None,
            "band_words": BAND_WORDS.get(benchmark.quartile_band, "") if benchmark else "",
            "neighbour_rows": [
                {"rank": n.rank, "name": n.name, "closeness": n.closeness, "text": history.neighbour_text(n)}
                for n in history.neighbours
            ],
            "crumbs": crumbs(
                partnership,
                ("Scorecard", partnership_url("performance:scorecard", partnership)),
                (
                    indicator.definition.title,
                    partnership_url("performance:indicator", partnership, code=indicator.code),
                ),
            ),
        },
    )
