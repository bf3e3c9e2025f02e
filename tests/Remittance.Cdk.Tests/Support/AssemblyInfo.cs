// One jsii runtime (one node process) serves the whole test assembly; it is not meant for concurrent callers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
