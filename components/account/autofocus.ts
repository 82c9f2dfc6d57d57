/**
 * Ref callback that sets the native `autofocus` attribute. React's `autoFocus` prop only calls
 * focus() on mount, before the <dialog> is shown, so showModal() would focus its close button;
 * with the attribute present the browser's dialog focusing steps pick this control instead.
 */
export function nativeAutoFocus(element: HTMLElement | null) {
  element?.setAttribute("autofocus", "");
}
