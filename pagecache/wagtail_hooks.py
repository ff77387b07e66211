from wagtail import hooks


@hooks.register("on_serve_page")
def mark_page_as_served(serve_page):
    """Only a page Wagtail serves after its view restrictions let the reader in may be stored:
    a restricted page's login or password form never reaches this."""

    def serve(page, request, args, kwargs):
        request._page_cache_page = page
        return serve_page(page, request, args, kwargs)

    return serve
