"""Every URL pattern of the project, with its name, its keyword arguments and its view's
declared access, so tests can cover all of them without a hand-kept list of URLs."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


@dataclass(frozen=True)
class Route:
    name: str
    kwargs: tuple[str, ...]
    callback: object

    @property
    def access(self):
        return getattr(self.callback, "assure_access", None)


def _kwargs_of(pattern) -> list[str]:
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters)
    if isinstance(pattern, RegexPattern):
        return list(pattern.regex.groupindex)
    return []


def project_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(entries, namespace: str | None, kwargs: list[str]) -> None:
        for entry in entries:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, ns, kwargs + _kwargs_of(entry.pattern))
            elif isinstance(entry, URLPattern):
                if not entry.name:
                    routes.append(
                        Route(f"(unnamed {entry.pattern})", tuple(kwargs + _kwargs_of(entry.pattern)), entry.callback)
                    )
                    continue
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                routes.append(Route(name, tuple(kwargs + _kwargs_of(entry.pattern)), entry.callback))

    walk(get_resolver().url_patterns, None, [])
    return routes
