package main

import "syscall"

// mapPopulate asks mmap to map every page at once (Linux only).
const mapPopulate = syscall.MAP_POPULATE
