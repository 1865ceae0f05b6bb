/** Placeholder: a colleague replaces this page's content. */
export default function ExitStatisticsPage() {
  return (
    <section>
      <h1>Afgangsstatistik</h1>
      <p>Siden er under udarbejdelse.</p>
    </section>
  );
}
