package schedule

// For the tests of package schedule_test, which read the other formats.
var (
	DeepCopy     = deepCopy
	ScheduleDiff = scheduleDiff
)
