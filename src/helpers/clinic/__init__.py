"""What the care team sees: scans, response categories and blood markers.

Built on the models; knows nothing of plotting or widgets.
"""
