"use client";
// The hero carousel's controls: previous/next, a dot per slide, and auto-advance that pauses
// while the pointer or focus is inside, when the shopper presses pause, and never runs for
// people who prefer reduced motion. Slides arrive server-rendered; only the current one shows.
import { Children, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { cn } from "@/components/ui";

const INTERVAL_MS = 7000;

function subscribeReducedMotion(onChange: () => void) {
  const query = window.matchMedia("(prefers-reduced-motion: reduce)");
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
const prefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export interface CarouselLabels {
  region: string;
  previous: string;
  next: string;
  pause: string;
  play: string;
  /** One per slide: "Slide 2 of 3". */
  slides: string[];
  /** One per slide: "Show slide 2: Winter sale". */
  goTo: string[];
}

export function BannerCarousel({ labels, children }: { labels: CarouselLabels; children: ReactNode }) {
  const slides = Children.toArray(children);
  const count = slides.length;
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false); // by the pause button
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const reducedMotion = useSyncExternalStore(subscribeReducedMotion, prefersReducedMotion, () => true);
  const rootRef = useRef<HTMLElement>(null);
  const id = useId();
  const rotating = count > 1 && !paused && !hovered && !focused && !reducedMotion;

  const go = useCallback((next: number) => setIndex(((next % count) + count) % count), [count]);

  useEffect(() => {
    if (!rotating) return;
    const timer = window.setTimeout(() => setIndex((i) => (i + 1) % count), INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [rotating, index, count]);

  if (count === 0) return null;

  const arrow = "M12.5 4.5 7 10l5.5 5.5";
  // Below the slide on small screens (on the page background), over it from sm up.
  const control =
    "flex size-10 items-center justify-center rounded-full bg-white text-neutral-900 shadow-sm ring-1 ring-neutral-300 hover:bg-neutral-100 " +
    "sm:bg-white/90 sm:shadow-md sm:ring-black/10 sm:hover:bg-white " +
    "focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:focus-visible:outline-white";

  return (
    <section
      ref={rootRef}
      aria-roledescription="carousel"
      aria-label={labels.region}
      className="relative"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {/* Announce changes only when the shopper causes them, not on every automatic turn. */}
      <div id={`${id}-slides`} aria-live={rotating ? "off" : "polite"}>
        {slides.map((slide, i) => (
          <div key={i} role="group" aria-roledescription="slide" aria-label={labels.slides[i]} hidden={i !== index}>
            {slide}
          </div>
        ))}
      </div>

      {count > 1 && (
        <div className="mt-3 flex items-center justify-center sm:pointer-events-none sm:absolute sm:inset-x-0 sm:bottom-4 sm:mt-0">
          <div className="pointer-events-auto flex items-center gap-2 rounded-full px-2 py-1.5 sm:bg-black/45 sm:backdrop-blur-sm">
            <button type="button" className={control} aria-controls={`${id}-slides`} aria-label={labels.previous} onClick={() => go(index - 1)}>
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={arrow} />
              </svg>
            </button>
            <ul className="flex items-center gap-1">
              {slides.map((_, i) => (
                <li key={i}>
                  <button
                    type="button"
                    aria-controls={`${id}-slides`}
                    aria-label={labels.goTo[i]}
                    aria-current={i === index ? "true" : undefined}
                    onClick={() => go(i)}
                    className="flex size-6 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-brand-600 sm:focus-visible:outline-white"
                  >
                    <span aria-hidden="true" className={cn("block rounded-full transition-all motion-reduce:transition-none", i === index ? "h-2.5 w-5 bg-neutral-800 sm:bg-white" : "size-2.5 bg-neutral-400 sm:bg-white/60")} />
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className={control} aria-controls={`${id}-slides`} aria-label={labels.next} onClick={() => go(index + 1)}>
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 -scale-x-100 rtl:scale-x-100" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={arrow} />
              </svg>
            </button>
            {!reducedMotion && (
              <button type="button" className={control} aria-label={paused ? labels.play : labels.pause} onClick={() => setPaused((p) => !p)}>
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
                  {paused ? <path d="M6 4.5v11l9-5.5-9-5.5Z" /> : <path d="M5.5 4h3v12h-3zM11.5 4h3v12h-3z" />}
                </svg>
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
