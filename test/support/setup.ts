// Adds DOM matchers (toBeInTheDocument …) for the component suites; harmless elsewhere.
import "@testing-library/jest-dom";
