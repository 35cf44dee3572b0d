"""Content coverage: how many published flows each sector has for each audience.

``privacyapp flows list --coverage`` prints this table; the README's content section keeps a
copy. Only published flows count; a variant counts for its own audience (it is a flow of its
own with its own audience list), and a flow for two audiences counts for both.
"""

from __future__ import annotations

from privacyapp.engine.library import Library

__all__ = ["coverage_counts", "coverage_table"]


def coverage_counts(library: Library) -> dict[str, dict[str, int]]:
    """Published flows per sector and audience, in registry order, zeros included."""
    registry = library.registry
    counts = {sector: dict.fromkeys(registry.audiences, 0) for sector in registry.sectors}
    for flow in library.flows.values():
        if flow.status != "published" or flow.sector not in counts:
            continue
        for audience in flow.audience:
            if audience in counts[flow.sector]:
                counts[flow.sector][audience] += 1
    return counts


def coverage_table(library: Library) -> str:
    """The counts as an aligned text table with totals per row and column."""
    counts = coverage_counts(library)
    audiences = list(library.registry.audiences)
    header = ["SECTOR", *(a.upper() for a in audiences), "TOTAL"]
    rows = [
        [sector, *(str(per[a]) for a in audiences), str(sum(per.values()))]
        for sector, per in counts.items()
    ]
    totals = [sum(per[a] for per in counts.values()) for a in audiences]
    rows.append(["total", *(str(t) for t in totals), str(sum(totals))])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    published = sum(1 for f in library.flows.values() if f.status == "published")
    note = f"{published} published flows (a flow for two audiences counts in both columns)\n"
    return "\n".join(line(r) for r in [header, *rows]) + "\n" + note
