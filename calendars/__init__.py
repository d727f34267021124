"""What tomorrow will be like for a German shop: holidays, school holidays, paydays, weather, events."""
