"""Every change to reports: making a report from its template, refreshing and freezing its
blocks, asking agencies for sections and accepting them, publishing; and (in
rendering.py) generating its outputs."""
