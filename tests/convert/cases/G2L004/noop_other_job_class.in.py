from batchlib.jobs import Job

# the team's own Job class: its init/commit are not Glue's bookmarks
job = Job("positions")
job.init()
rows = job.run(transformation_ctx="positions")
job.commit()
