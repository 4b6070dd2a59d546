"""The one way a module registers its routes: a :class:`Routes` table filled by decorating the handlers.

::

    route = Routes()

    @route("/releases", "/releases/")
    async def releases_page(request): ...

:func:`rdgraph.server.app.routes` joins the modules' tables in the order of :data:`rdgraph.server.app.MODULES`.
"""

from __future__ import annotations

from starlette.routing import Route


class Routes:
    """The routes of one module, in the order they were declared (GET also answers HEAD)."""

    def __init__(self) -> None:
        self.table: list[Route] = []

    def __call__(self, *paths: str, methods: tuple[str, ...] | None = None):
        def add(handler):
            self.table.extend(Route(p, handler, methods=list(methods) if methods else None) for p in paths)
            return handler

        return add


__all__ = ["Routes"]
