//go:build race

package main

// raceMemory scales TestAmplification's memory bounds: the race detector
// keeps shadow memory of several times the heap.
const raceMemory = 8
