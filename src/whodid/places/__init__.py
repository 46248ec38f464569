"""places: toponyms resolved to GeoNames entries with coordinates."""

from whodid.places.stage import PlacesStage

__all__ = ["PlacesStage"]
