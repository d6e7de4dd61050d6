"""Feature forms generated from the layer definitions.

``new_feature_dialog`` is what the editing UI opens for a feature just drawn on the map.
"""

from gisdesk.ui.forms.feature_form import FeatureForm, new_feature_dialog, open_form

__all__ = ["FeatureForm", "new_feature_dialog", "open_form"]
