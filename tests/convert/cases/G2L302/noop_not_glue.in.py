class Mapper:
    def apply_mapping(self, mappings):
        return mappings


def run(mapper: Mapper):
    return mapper.apply_mapping
