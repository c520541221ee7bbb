/** The vlinder mark as inline SVG (the machines that show the board may have no emoji font). */
export function ButterflyMark({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="butterfly-mark">
      <path d="M12 7c-1.5-3-5-5-8-4-2 1-1 6 1 8-2 1-2 5 0 6 2 1 5-1 7-4 2 3 5 5 7 4 2-1 2-5 0-6 2-2 3-7 1-8-3-1-6.5 1-8 4z" fill="currentColor" />
      <path d="M12 6v13" stroke="#17345f" strokeWidth="1.2" />
    </svg>
  );
}
