"""The answer to "Var denne siden nyttig?": a plain POST from every page, so that it works
without JavaScript, and without a CSRF cookie, so that the pages stay the same for everyone and
cacheable. What a CSRF token would refuse (a post from another site) is refused by the browser's
own Sec-Fetch-Site and Origin headers; the throttle limits what is left."""

from urllib.parse import urlsplit

from django import forms
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from core.http import method_not_allowed
from feedback import masking, throttle
from feedback.models import COMMENT_MAX_LENGTH, Answer

TOKEN_SALT = "feedback.comment"
# The comment box is answered at once or not at all.
TOKEN_MAX_AGE = 3600


class AnswerForm(forms.Form):
    side = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    svar = forms.ChoiceField(choices=[("ja", "ja"), ("nei", "nei")])


class CommentForm(forms.Form):
    token = forms.CharField(max_length=200)
    kommentar = forms.CharField(
        label=gettext_lazy("Hva manglet?"),
        required=False,
        strip=False,
        # Counted after cleaning, in clean_kommentar; the browser gets maxlength from the template.
        max_length=COMMENT_MAX_LENGTH * 4,
        error_messages={"max_length": gettext_lazy("Teksten er for lang.")},
    )

    def __init__(self, data=None, **kwargs):
        # Control characters out before Django's own checks, which refuse a NUL in English.
        if data is not None:
            data = data.copy()
            data["kommentar"] = masking.clean(data.get("kommentar", ""))
        super().__init__(data, **kwargs)

    def clean_kommentar(self):
        text = self.cleaned_data["kommentar"]
        if len(text) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Skriv høyst %(limit)s tegn. Teksten din har %(length)s.")
                % {"limit": COMMENT_MAX_LENGTH, "length": len(text)}
            )
        return text


@csrf_exempt
@never_cache
def feedback(request):
    if request.method != "POST":
        return method_not_allowed(["POST"])
    if not _from_this_site(request):
        return _page(
            request,
            "error",
            status=403,
            message=_(
                "Svaret ble ikke lagret fordi det ble sendt fra et annet nettsted. Svar i "
                "skjemaet nederst på siden du leser."
            ),
        )
    if "token" in request.POST:
        return _comment(request)
    if not throttle.allow(request, request.POST.get("side", "")[:20]):
        return _page(
            request,
            "error",
            status=429,
            message=_("Du har sendt mange svar på kort tid. Prøv igjen om en time."),
        )
    return _answer(request)


def _from_this_site(request):
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()


def _answer(request):
    form = AnswerForm(request.POST)
    page = None
    if form.is_valid():
        page = Page.objects.live().public().filter(pk=form.cleaned_data["side"]).first()
    # Only pages a reader can be on: not the tree's root, nor a page outside every site, which
    # have no address to link back to.
    if page is not None:
        page = page.specific
        if page.is_root() or page.get_url(request) is None:
            page = None
    if page is None:
        return _page(request, "error", status=400, message=_("Vi fant ikke siden du svarte om."))
    answer = Answer.objects.create(page=page, helpful=form.cleaned_data["svar"] == "ja")
    if answer.helpful:
        return _page(request, "thanks", page=page)
    token = signing.dumps(answer.pk, salt=TOKEN_SALT)
    return _page(request, "comment", page=page, form=CommentForm(initial={"token": token}))


def _comment(request):
    form = CommentForm(request.POST)
    answer = None
    try:
        answer_id = signing.loads(
            request.POST.get("token", ""), salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE
        )
        answer = Answer.objects.filter(pk=answer_id, helpful=False, comment="").first()
    except signing.BadSignature:
        pass
    if answer is None:
        return _page(
            request,
            "error",
            status=400,
            message=_(
                "Kommentaren ble ikke lagret. Enten har du allerede sendt en kommentar til "
                "dette svaret, eller det har gått mer enn en time siden du svarte. Takk likevel!"
            ),
        )
    page = answer.page.specific
    if not form.is_valid():
        return _page(request, "comment", page=page, form=form, status=400)
    text = form.cleaned_data["kommentar"]
    if text:
        answer.comment = masking.mask(text)
        answer.save(update_fields=["comment"])
    return _page(request, "thanks", page=page)


def _page(request, step, page=None, form=None, message="", status=200):
    context = {
        "step": step,
        "answered_page": page,
        "form": form,
        "message": message,
        "limit": COMMENT_MAX_LENGTH,
    }
    return render(request, "feedback/answer.html", context, status=status)
