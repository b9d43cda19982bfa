package schedule

import (
	"os"
	"testing"
	"time"
)

func TestZZScratch(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("ZZFILE"))
	if err != nil {
		t.Skip()
	}
	t0 := time.Now()
	s, _ := Load("in.yaml", data, LoadOptions{})
	t1 := time.Now()
	Normalize(s)
	t2 := time.Now()
	ds := Validate(s)
	t3 := time.Now()
	t.Logf("load %v normalize %v validate %v (%d)", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), len(ds))
}
