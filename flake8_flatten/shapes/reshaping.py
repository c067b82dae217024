SPECS = {}
