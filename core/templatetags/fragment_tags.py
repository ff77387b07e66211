"""{% cached_fragment "name" page [more values] %}…{% endcached_fragment %}: a part of a page kept
in the shared cache for the page's current content (core/caching.py), so the expensive parts
(the article with its section links and contents, the metadata, the footer) are built once per
version rather than on every request. Previews are never cached; a fragment whose first value
is missing (the page, on search results and error pages) or with any value None is built every
time."""

from django import template

from core import caching

register = template.Library()


@register.tag
def cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.name, *self.vary_on = values

    def render(self, context):
        request = context.get("request")
        values = [value.resolve(context) for value in self.vary_on]
        # A missing page resolves to "" in templates: the first value must be there.
        if (
            request is None
            or getattr(request, "is_preview", False)
            or None in values
            or (values and not values[0])
        ):
            return self.nodelist.render(context)
        parts = [getattr(value, "pk", value) for value in values]
        return caching.cached(
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            *parts,
            request=request,
        )
