"""matplotlib figures: ``medialit.plots.sourcing``, ``medialit.plots.compare``, ``medialit.plots.figures``.
Every chart is titled, has labelled axes, and uses a colour-blind-safe palette."""
