// Command schedkit reads, validates and exports conference schedules.
// Run "schedkit --help" for the commands; the README documents the contract.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Getenv)) }
