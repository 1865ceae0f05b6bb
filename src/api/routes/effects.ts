import {
  computeProjectEffects,
  projectEffects,
  removeEffectDefinition,
  saveEffectDefinition,
  validateEffectInput,
} from "../../services/effects.ts";
import { requireProject } from "../../services/projects.ts";
import { deletedResponse, idParam } from "../contract/common.ts";
import { effectDefinitionBody, effectParams, responses as effects } from "../contract/effects.ts";
import { badRequest } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const TAG = "Effekt";

function requireInput(body: { yaml?: string; definition?: unknown }) {
  if (body.yaml === undefined && body.definition === undefined) {
    throw badRequest("Angiv enten yaml (tekst) eller definition (objekt)", "yaml");
  }
  return body;
}

/** Routes for: effect definitions of a project, their computation and the effect page (DESIGN 9.1). */
export function effectsRoutes(router: ApiRouter): void {
  const db = () => router.deps.store.db;

  router.route(
    {
      method: "get",
      path: "/projects/:id/effects",
      summary: "Projektets effektdefinitioner med de gemte effektestimater (Effekt-siden)",
      tag: TAG,
      action: "read",
      params: idParam,
      response: effects.effects,
    },
    async ({ params }) => projectEffects(db(), params.id),
  );

  router.route(
    {
      method: "post",
      path: "/projects/:id/effects/validate",
      summary: "Valider en effektdefinition givet som YAML-tekst eller objekt",
      tag: TAG,
      action: "read",
      params: idParam,
      body: effectDefinitionBody,
      response: effects.validation,
    },
    async ({ params, body }) => {
      const project = await requireProject(db(), params.id);
      return validateEffectInput(requireInput(body), project.code);
    },
  );

  router.route(
    {
      method: "post",
      path: "/projects/:id/effects",
      summary: "Opret en effektdefinition på projektet",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: effectDefinitionBody,
      status: 201,
      response: effects.definition,
    },
    async ({ params, body, actor }) => ({
      definition: await saveEffectDefinition(db(), params.id, requireInput(body), actor.id),
    }),
  );

  router.route(
    {
      method: "put",
      path: "/projects/:id/effects/:effectId",
      summary: "Erstat en effektdefinition (versionen stiger, når definitionen ændres)",
      tag: TAG,
      action: "edit-project",
      params: effectParams,
      body: effectDefinitionBody,
      response: effects.definition,
    },
    async ({ params, body, actor }) => ({
      definition: await saveEffectDefinition(db(), params.id, requireInput(body), actor.id, params.effectId),
    }),
  );

  router.route(
    {
      method: "delete",
      path: "/projects/:id/effects/:effectId",
      summary: "Slet en effektdefinition med dens estimater",
      tag: TAG,
      action: "edit-project",
      params: effectParams,
      response: deletedResponse,
    },
    async ({ params }) => {
      await removeEffectDefinition(db(), params.id, params.effectId);
      return { deleted: true as const };
    },
  );

  router.route(
    {
      method: "post",
      path: "/projects/:id/effects/compute",
      summary: "Beregn projektets effekter nu på det nyeste snapshot og gem estimaterne",
      tag: TAG,
      action: "compute",
      params: idParam,
      response: effects.computed,
    },
    async ({ params, deps }) => computeProjectEffects(db(), deps.dataDir, params.id),
  );
}
