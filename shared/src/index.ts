export * from "./contracts/case-event.js";
export * from "./contracts/validation.js";
export * from "./time/period.js";
export * from "./time/working-days.js";
export * from "./units/unit.js";
export * from "./contracts/api.js";
