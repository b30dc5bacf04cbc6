"""The static status site: ``build_site(engine, config, out_dir, today)``.

    load.py     database -> plain frozen rows (a few Core queries)
    context.py  rows -> page contexts (pure; dataclasses)
    charts.py   inline SVG from plain data (pure)
    render.py   Jinja2 environment over ``templates/``
    exports.py  changes.xml (Atom), commitments.json + schema, commitments.csv
    build.py    orchestration, incremental reuse, atomic swap
"""

from tracker.report.build import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]
