"""The deployment model (regions, schedulers, queues, users) and the deployment files that ship."""
