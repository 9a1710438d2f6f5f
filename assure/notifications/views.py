"""A person's own choice of how Assure's e-mails reach them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import signed_in
from assure.core.forms import attach

from .forms import PreferenceForm
from .selectors import delivery_of
from .services import preference_set


@signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    """Choose to have each request e-mailed straight away, or all of a week's in one digest."""
    data = request.POST if request.method == "POST" else None
    form = PreferenceForm(data, initial={"delivery": delivery_of(user=request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            preference = preference_set(actor=request.user, delivery=form.cleaned_data["delivery"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Your choice is saved: {preference.get_delivery_display().lower()}.")
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
