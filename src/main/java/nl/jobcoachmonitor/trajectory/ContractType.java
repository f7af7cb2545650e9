package nl.jobcoachmonitor.trajectory;

public enum ContractType {
    PERMANENT, TEMPORARY, ON_CALL, TRAINEESHIP
}
