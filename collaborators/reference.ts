// The reference collaborator programs of this repository and the source each one publishes: the
// manifest name and the folders whose files its source manifest lists (runtime/source.ts). The
// agents join the registry with these, and the app recomputes the same manifests from the files on
// disk to tell whether a collaborator's on-chain sourceHash is this repository's code. Keep this
// module free of imports: the web server loads it too.

export interface ReferenceProgram {
  /** The program's short name (its npm script suffix and log name). */
  name: string;
  /** The `name` field inside its source manifest. */
  manifestName: string;
  /** Repository-relative folders whose files make up its source, the program's own folder first (order does not change the manifest). */
  folders: readonly string[];
}

export const REFERENCE_PROGRAMS = {
  service: {
    name: 'service',
    manifestName: 'oso-reference-service',
    folders: ['collaborators/service', 'collaborators/runtime'],
  },
  faulty: {
    name: 'faulty',
    manifestName: 'oso-demo-faulty-service',
    folders: ['collaborators/faulty-service', 'collaborators/service', 'collaborators/runtime'],
  },
  rating: {
    name: 'rating',
    manifestName: 'oso-reference-rating',
    // Its rules, the jobs it re-executes and the runtime.
    folders: ['collaborators/rating', 'collaborators/service/jobs', 'collaborators/runtime'],
  },
  keeper: {
    name: 'keeper',
    manifestName: 'oso-reference-keeper',
    folders: ['collaborators/keeper', 'collaborators/runtime'],
  },
} as const satisfies Record<string, ReferenceProgram>;

export type ReferenceProgramName = keyof typeof REFERENCE_PROGRAMS;

export const REFERENCE_PROGRAM_LIST: readonly ReferenceProgram[] = Object.values(REFERENCE_PROGRAMS);
