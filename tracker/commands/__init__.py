"""The ``tracker`` commands, one module per command group; the root group is :mod:`tracker.cli`.

- ``database``: ``init``, ``db upgrade``, ``db current``
- ``commitments``: ``add``, ``list``, ``show``, ``resolve``, ``history``
- ``extract``: ``extract``
- ``feeds``: ``feeds add|list|remove|resume``
- ``evidence``: ``evidence list|accept|reject``, ``review``
- ``report``: ``report``
- ``daemon``: ``run``, ``poll``, ``sweep``, ``status``, ``notify``

Each module is imported only when one of its commands runs or ``--help`` lists
it, so at the top it imports click and :mod:`tracker.cli` only; the database,
the feed stack, the report and rich are imported inside the functions that
use them.
"""
