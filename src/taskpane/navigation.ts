/**
 * Moves between tabs from inside a view (a target's detail opens the comparison of its measure),
 * without the view knowing how the shell lays the tabs out. Absent (null) in a view rendered alone.
 */
import { createContext, useContext } from "react";

export interface PaneNavigation {
  /** Opens the 对照 tab on this measure. */
  openCompare(measureId: string): void;
}

export const NavigationContext = createContext<PaneNavigation | null>(null);

export function useNavigation(): PaneNavigation | null {
  return useContext(NavigationContext);
}
