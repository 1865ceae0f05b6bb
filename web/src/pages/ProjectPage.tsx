import { useParams } from "react-router";

export default function ProjectPage() {
  const { id } = useParams();
  return (
    <section>
      <h1>Projekt {id}</h1>
    </section>
  );
}
