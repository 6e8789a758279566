"""Classroom tools for the instructor: exercises, collection, the class report,
copy detection, batch export, feedback, publishing examples and the dashboard.

Model modules (everything but ``dashboard``) never import ipywidgets; the dashboard observes
them. Heavy libraries (datasketch, python-docx, matplotlib) are imported inside the modules
that need them, so importing this package is cheap.
"""
