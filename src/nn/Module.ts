import * as tf from '@tensorflow/tfjs-core';
import { InputError, ShapeError } from '../core/errors.js';

/** A named trainable parameter of a {@link Module}, e.g. `"blocks.0.linear1.weight"`. */
export interface NamedParameter {
  /** Dotted path of the parameter inside the module tree. */
  name: string;
  /** The tfjs variable holding it (float32). */
  variable: tf.Variable;
}

/**
 * Base class of graphgen's neural modules: a tree of child modules and named float32
 * parameters (tfjs variables), a serializable config, and explicit disposal.
 *
 * Subclasses create parameters with {@link Module.addParameter} from values drawn from an
 * explicit `rng` (never tfjs's global seed), and register children with
 * {@link Module.addModule}. Parameter names are dotted paths (`"layers.1.attn.wq.weight"`), in
 * creation order; they key the weights format of {@link serializeWeights}.
 *
 * @typeParam C - the serializable config type returned by {@link Module.getConfig}
 */
export abstract class Module<C extends object = object> {
  private readonly ownParams: Array<[string, tf.Variable]> = [];
  private readonly children: Array<[string, Module]> = [];
  private disposed = false;

  /** Class name used in weight manifests. */
  abstract readonly className: string;

  /** The serializable config this module was built from (plain JSON). */
  abstract getConfig(): C;

  /** Creates a float32 parameter from `values` (copied) with the given shape. */
  protected addParameter(name: string, shape: readonly number[], values: Float32Array): tf.Variable {
    const size = shape.reduce((p, s) => p * s, 1);
    if (values.length !== size) throw ShapeError.mismatch(`${name}.values`, `${size} entries`, `${values.length}`);
    if (this.ownParams.some(([n]) => n === name) || this.children.some(([n]) => n === name)) {
      throw InputError.invalid('name', 'a parameter name unused in this module', JSON.stringify(name));
    }
    const v = tf.tidy(() => tf.variable(tf.tensor(values, [...shape], 'float32'), true));
    this.ownParams.push([name, v]);
    return v;
  }

  /** Registers a child module under `name` and returns it. */
  protected addModule<M extends Module>(name: string, module: M): M {
    if (this.ownParams.some(([n]) => n === name) || this.children.some(([n]) => n === name)) {
      throw InputError.invalid('name', 'a child name unused in this module', JSON.stringify(name));
    }
    this.children.push([name, module]);
    return module;
  }

  /** All parameters of this module and its descendants, with dotted names, in creation order. */
  namedParameters(): NamedParameter[] {
    const out: NamedParameter[] = this.ownParams.map(([name, variable]) => ({ name, variable }));
    for (const [cname, child] of this.children) {
      for (const p of child.namedParameters()) out.push({ name: `${cname}.${p.name}`, variable: p.variable });
    }
    return out;
  }

  /** The variables of `namedParameters()`, for optimisers and `tf.variableGrads`. */
  trainableVariables(): tf.Variable[] {
    return this.namedParameters().map((p) => p.variable);
  }

  /** Total number of scalar parameters. */
  numParameters(): number {
    return this.namedParameters().reduce((s, p) => s + p.variable.size, 0);
  }

  /** True after `dispose()`. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Frees every variable of the module tree. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const [, v] of this.ownParams) v.dispose();
    for (const [, c] of this.children) c.dispose();
  }
}
