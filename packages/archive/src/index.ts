// This package gets its code with its own issue; its README says what it is for.
export {};
