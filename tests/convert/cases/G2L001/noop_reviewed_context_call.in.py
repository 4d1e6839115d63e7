import glue_compat


class RiskContext(glue_compat.SessionContext):
    def limits(self, kind):
        # g2l: review G2L106: connection_type is not a literal: convert this read by hand
        return self.create_dynamic_frame_from_options(connection_type=kind, connection_options={})
