"""The business unit's pages of frameworks: which frameworks the library holds, and every
standard and criterion of one version."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires
from assure.core.navigation import partnership_url

from ..forms.frameworks import FrameworkFileForm
from ..selectors.frameworks import framework_file_check, framework_version, frameworks_available
from .common import section11_crumbs

VERIFICATION_WORDS = {
    "verified": "Verified word for word against its source",
    "paraphrase": "Paraphrased from its sources",
    "check": "Compiled: to check against a source before relying on the wording",
}


@requires("section11.manage")
def frameworks(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "section11/frameworks/frameworks.html",
        {
            "rows": frameworks_available(user=request.user, partnership=request.partnership),
            "verification_words": VERIFICATION_WORDS,
            "crumbs": section11_crumbs(
                request.partnership, ("Frameworks", partnership_url("section11:frameworks", request.partnership))
            ),
        },
    )


@requires("section11.manage")
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    framework = framework_version(user=request.user, partnership=request.partnership, pk=pk)
    if framework is None:
        raise Http404("No such framework.")
    provenance = framework.item.data.get("provenance") or {}
    return render(
        request,
        "section11/frameworks/framework_detail.html",
        {
            "framework": framework,
            "provenance": provenance,
            "verification_text": VERIFICATION_WORDS.get(provenance.get("verification", ""), ""),
            "crumbs": section11_crumbs(
                request.partnership,
                ("Frameworks", partnership_url("section11:frameworks", request.partnership)),
                (framework.title, partnership_url("section11:framework_detail", request.partnership, pk=pk)),
            ),
        },
    )


@requires("section11.manage")
def framework_check(request: HttpRequest) -> HttpResponse:
    """Check a framework file with the library's loader before it is added: every problem is
    listed, and nothing is written either way."""
    form = FrameworkFileForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        check = framework_file_check(
            user=request.user, partnership=request.partnership, name=upload.name, content=upload.read()
        )
    return render(
        request,
        "section11/frameworks/framework_check.html",
        {
            "form": form,
            "check": check,
            "crumbs": section11_crumbs(
                request.partnership,
                ("Frameworks", partnership_url("section11:frameworks", request.partnership)),
                ("Check a framework file", partnership_url("section11:framework_check", request.partnership)),
            ),
        },
    )
