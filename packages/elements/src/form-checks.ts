/** The checks one matter needs (data, conditions, provider values), precompiled when given. */
import {
  compileSchema,
  createConditionTester,
  createValidatorFromPrecompiled,
  fieldValueCheck,
  type ConditionTester,
  type DataValidator,
  type JsonSchemaObject,
  type PrecompiledValidateFunction,
  type ValueCheck,
} from '@matterform/core';

export interface MatterChecks {
  validate: DataValidator;
  test: ConditionTester;
  checkValue: ValueCheck;
  precompiled: boolean;
}

export async function loadMatterChecks(
  schema: JsonSchemaObject,
  validator?: PrecompiledValidateFunction,
): Promise<MatterChecks> {
  const test = createConditionTester(schema);
  return {
    validate: validator ? createValidatorFromPrecompiled(schema, validator) : compileSchema(schema),
    test,
    checkValue: fieldValueCheck(schema),
    precompiled: validator !== undefined,
  };
}
