//go:build !race

package main

// raceMemory scales TestAmplification's memory bounds (see race_test.go).
const raceMemory = 1
