"""The demo region: West Mercia's four safeguarding children boards in 2014-15.

The facts of the region (the partnerships, their local authority codes, the agencies the
Shropshire annual report names, its subgroups and its budget total) are real; everything about
people, meetings, attendance, the budget split, minutes and actions is invented for the demo.
``load.demo_load()`` writes it into an empty database; the data lives in the other modules.
"""
