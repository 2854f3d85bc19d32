"""VN-brieven: turns Dutch government letters about the Kingdom at the UN into a website.

Pipeline: read -> clean -> parse -> (extract -> index) -> render -> write -> site_build.
"""

__version__ = "0.1.0"
