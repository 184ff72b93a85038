// Infinite scroll: a button marked data-autoload is clicked when it scrolls near the viewport.
(function () {
  if (window.__socialshopAutoload) return;
  window.__socialshopAutoload = true;
  const watched = new WeakSet();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || entry.target.disabled) continue;
        const el = entry.target;
        el.click();
        // Watch again after the next page has had time to arrive (a short page keeps it visible).
        observer.unobserve(el);
        setTimeout(() => el.isConnected && observer.observe(el), 1200);
      }
    },
    { rootMargin: "600px 0px" },
  );
  const scan = () =>
    document.querySelectorAll("[data-autoload]").forEach((el) => {
      if (!watched.has(el)) {
        watched.add(el);
        observer.observe(el);
      }
    });
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  scan();
})();
