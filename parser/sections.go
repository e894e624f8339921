package parser

import "github.com/asectl/asectl/model"

// Section is a section of a description that the label tables know
// (model.Section: the one table of sections is in package model, shared by
// parser and rules).
type Section = model.Section

const numSections = model.NumSections

// Sections lists the known sections in document order (a fresh slice).
func Sections() []Section { return model.KnownSections() }

// SectionOf returns the section printed as num ("4.1"), or 0.
func SectionOf(num string) Section { return model.SectionOf(num) }

// sectionRank is int(SectionOf(num)): a section's place in document order
// from 1, 0 for an unknown number.
func sectionRank(num string) int { return int(model.SectionOf(num)) }

// textPath is a free-text section's JSON path, "" for another.
func textPath(s Section) string { return s.TextField().Path() }
