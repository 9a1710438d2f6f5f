"""The demo region: West Mercia's four safeguarding children boards in 2014-15.

The facts of the region (the partnerships, their local authority codes, the agencies the
Shropshire annual report names, its subgroups and its budget total) are real; everything about
people, meetings, attendance, the budget split, minutes and actions is invented for the demo.

``load.demo_load()`` writes the region and its people into an empty database, then calls each
system's demo loader (``assure.<app>.demo``) with them; this package is the only place that calls
them. The systems' demo modules read the region's facts from ``region`` and ``people`` here, never
from one another.
"""
