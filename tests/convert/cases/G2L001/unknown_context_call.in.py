from awsglue.context import GlueContext


class ExposureReaderMixin:
    """Mixed into job classes that set self.glue_context themselves."""

    glue_context: GlueContext

    def exposures(self, connection_type, options):
        return self.glue_context.create_dynamic_frame.from_options(
            connection_type=connection_type, connection_options=options
        )


def publish(context, frame):
    context.write_dynamic_frame.from_catalog(frame=frame, database="risk", table_name="exposures")
