// The home page's banner slot. Renders nothing until the banners helper fills it with the
// current campaign for the locale.
export async function HomeHero({ locale }: { locale: string }) {
  void locale;
  return null;
}
