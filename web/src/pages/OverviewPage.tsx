export default function OverviewPage() {
  return (
    <section>
      <h1>Overblik</h1>
      <p>Indlæser projekter …</p>
    </section>
  );
}
